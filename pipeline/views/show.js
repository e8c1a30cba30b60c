// Hovering a mention highlights every mention of its entity; hovering a quote or speaker highlights both.
(function () {
  function related(el) {
    if (el.dataset.entity) return document.querySelectorAll('[data-entity="' + el.dataset.entity + '"]');
    var numbers = (el.dataset.quote || el.dataset.quotes || "").split(" ");
    var found = [];
    document.querySelectorAll(".article [data-quote], .article [data-quotes]").forEach(function (other) {
      var theirs = (other.dataset.quote || other.dataset.quotes || "").split(" ");
      if (theirs.some(function (n) { return numbers.indexOf(n) >= 0; })) found.push(other);
    });
    return found;
  }
  document.querySelectorAll(".article [data-entity], .article [data-quote], .article .speaker").forEach(function (el) {
    el.addEventListener("mouseenter", function () { related(el).forEach(function (o) { o.classList.add("hl"); }); });
    el.addEventListener("mouseleave", function () { related(el).forEach(function (o) { o.classList.remove("hl"); }); });
  });
})();
