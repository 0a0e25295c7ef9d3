// The imaging libraries Cohort reads logos with, from the system (Debian: libpng-dev,
// libturbojpeg0-dev, libwebp-dev, libexpat1-dev): the size of PNG, JPEG and WebP images from their
// headers, and SVG read as XML to find its size and anything in it that would run on the site; and
// zlib (zlib1g-dev, which libpng needs anyway), whose CRC-32 names filter pages of non-Latin values.
#include <png.h>
#include <turbojpeg.h>
#include <webp/decode.h>
#include <expat.h>
#include <zlib.h>
