// Cohort's search: shows the search box in the header, and on the search page runs Pagefind's own
// interface over the site's index (in pagefind/, built by `cohort build`). Everything loads from the
// site itself, from wherever the site is served, sub-paths included; without script, the list and
// filter pages still find every company.
(function () {
  "use strict";
  document.querySelectorAll(".site-search").forEach(function (form) { form.hidden = false; });
  var mount = document.getElementById("search");
  if (!mount) return;
  var bundle = new URL(mount.getAttribute("data-bundle"), document.baseURI).href;
  // The site's root as a path ("/", "/fund/"): Pagefind's results are addresses under it. "./" on the
  // default language's search page: an empty base would resolve to the page itself.
  var root = new URL(mount.getAttribute("data-base") || "./", document.baseURI).pathname;
  var query = new URLSearchParams(window.location.search).get("q") || "";
  var unavailable = function () { document.getElementById("search-unavailable").hidden = false; };
  var style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = bundle + "pagefind-ui.css";
  document.head.appendChild(style);
  var script = document.createElement("script");
  script.src = bundle + "pagefind-ui.js";
  script.onerror = unavailable;
  script.onload = function () {
    try {
      // Pagefind ranks short pages up by default (pageLength 0.75), which puts a company's short
      // agreement ("Framework agreement with ROTEC") before the company's own page for its name.
      var ui = new window.PagefindUI({ element: "#search", bundlePath: bundle, baseUrl: root, showSubResults: true, showImages: false,
                                       autofocus: !query, ranking: { pageLength: 0 } });
      if (query) ui.triggerSearch(query);
    } catch (error) {
      unavailable();
    }
  };
  document.head.appendChild(script);
})();
