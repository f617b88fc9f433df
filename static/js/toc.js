/*
 * The film page's table of contents marks the section being read
 * (aria-current="location") as the reader scrolls. Without this script, or
 * without IntersectionObserver, the contents are plain links and nothing is lost.
 */
(function () {
  "use strict";

  var toc = document.querySelector(".toc");
  if (!toc || !("IntersectionObserver" in window)) {
    return;
  }

  // The section being read is the one crossing a line this far down the window.
  var READING_LINE = 0.3;

  // Section -> its link, in page order (the contents follow the page).
  var linkFor = new Map();
  toc.querySelectorAll('a[href^="#"]').forEach(function (link) {
    var section = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (section) {
      linkFor.set(section, link);
    }
  });
  if (!linkFor.size) {
    return;
  }
  var sections = Array.from(linkFor.keys());
  var crossing = new Set(); // sections crossing the reading line

  function mark(section) {
    var current = section && linkFor.get(section);
    linkFor.forEach(function (link) {
      if (link === current) {
        link.setAttribute("aria-current", "location");
      } else {
        link.removeAttribute("aria-current");
      }
    });
  }

  function update() {
    var root = document.documentElement;
    if (window.scrollY > 0 && window.innerHeight + window.scrollY >= root.scrollHeight - 2) {
      // At the foot of the page the last sections may be too short to reach
      // the line: the last one is being read.
      mark(sections[sections.length - 1]);
      return;
    }
    var reading = sections.filter(function (section) {
      return crossing.has(section);
    });
    if (reading.length) {
      mark(reading[reading.length - 1]);
    } else if (sections[0].getBoundingClientRect().top > window.innerHeight * READING_LINE) {
      mark(null); // above the first section (the film's header): nothing is being read yet
    }
    // Otherwise the line is in the gap between two sections: the last mark stands.
  }

  var observer = new IntersectionObserver(
    function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) {
          crossing.add(entry.target);
        } else {
          crossing.delete(entry.target);
        }
      });
      update();
    },
    // A band one percent high at the reading line.
    { rootMargin: "-" + READING_LINE * 100 + "% 0px -" + (99 - READING_LINE * 100) + "% 0px" }
  );
  sections.forEach(function (section) {
    observer.observe(section);
  });

  var pending = false;
  window.addEventListener(
    "scroll",
    function () {
      if (!pending) {
        pending = true;
        window.requestAnimationFrame(function () {
          pending = false;
          update();
        });
      }
    },
    { passive: true }
  );
})();
