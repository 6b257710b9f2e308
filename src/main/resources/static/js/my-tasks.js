// "My tasks": the bulk form shows while at least one task is ticked (also on rows added by
// "show more"), and hides again when none is.
(function () {
  const chosen = 'input[form="bulk-form"][name="ids"]';

  function update() {
    const form = document.getElementById('bulk-form');
    if (form) {
      form.classList.toggle('d-none', !document.querySelector(chosen + ':checked'));
    }
  }

  document.addEventListener('change', function (event) {
    if (event.target.matches(chosen)) {
      update();
    }
  });
  document.addEventListener('htmx:afterSwap', update);
  window.addEventListener('pageshow', update);
})();
