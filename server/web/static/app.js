// Dateline UI: small enhancements only; every page works without script.
"use strict";
document.addEventListener("keydown", function (e) {
  var q = document.getElementById("q");
  if (e.key === "/" && q && document.activeElement !== q && !/INPUT|TEXTAREA|SELECT/.test(document.activeElement.tagName)) {
    e.preventDefault();
    q.focus();
  }
});
document.querySelectorAll("select[data-autosubmit]").forEach(function (s) {
  s.addEventListener("change", function () { s.form.submit(); });
});
