// The imaging libraries Cohort reads logos with, from the system (Debian: libpng-dev,
// libturbojpeg0-dev, libwebp-dev, libexpat1-dev): the size of PNG, JPEG and WebP images from their
// headers, and SVG read as XML to find its size and anything in it that would run on the site.
#include <png.h>
#include <turbojpeg.h>
#include <webp/decode.h>
#include <expat.h>
