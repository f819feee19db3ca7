// Keeps each time audit's running total and leadership share current while the owner types.
(function () {
  function update(fieldset) {
    var total = 0, leadership = 0, management = 0;
    fieldset.querySelectorAll("input[data-category]").forEach(function (input) {
      var hours = parseFloat((input.value || "").replace(",", "."));
      if (!(hours > 0)) return;
      total += hours;
      if (input.dataset.category === "leadership") leadership += hours;
      if (input.dataset.category === "management") management += hours;
    });
    var share = leadership + management > 0 ? Math.round(leadership * 100 / (leadership + management)) + "%" : "–";
    var output = fieldset.querySelector("[data-running-total]");
    output.textContent = "Total: " + (Math.round(total * 10) / 10) + " hours a week · leadership share " + share +
      (total > 168 ? " — more than the 168 hours in a week" : "");
  }
  document.querySelectorAll("fieldset[data-allocation]").forEach(function (fieldset) {
    fieldset.addEventListener("input", function () { update(fieldset); });
  });
})();
