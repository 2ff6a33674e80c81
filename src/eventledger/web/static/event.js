// Event page: clicking a value highlights its evidence. Each value button lists its targets
// (statement, sentence, infobox field and reference ids) in data-targets; each piece of
// evidence lists the ids it answers to in data-keys. Nothing here reads or writes HTML.
(function () {
  "use strict";
  function tokens(s) {
    return (s || "").split(/\s+/).filter(function (t) { return t.length > 0; });
  }
  function clear() {
    document.querySelectorAll(".hl").forEach(function (el) { el.classList.remove("hl"); });
    document.querySelectorAll("button.active").forEach(function (el) { el.classList.remove("active"); });
  }
  function highlight(button) {
    clear();
    var wanted = new Set(tokens(button.getAttribute("data-targets")));
    button.classList.add("active");
    var hits = 0;
    document.querySelectorAll(".ev[data-keys]").forEach(function (el) {
      if (tokens(el.getAttribute("data-keys")).some(function (k) { return wanted.has(k); })) {
        el.classList.add("hl");
        hits += 1;
      }
    });
    document.body.setAttribute("data-highlighted", String(hits));
    var first = document.querySelector("#article .hl");
    if (first) {
      first.scrollIntoView({ block: "center", behavior: "smooth" });
    }
  }
  document.addEventListener("click", function (ev) {
    var target = ev.target;
    var button = target && target.closest ? target.closest("button.value") : null;
    if (button) {
      highlight(button);
    }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") {
      clear();
    }
  });
})();
