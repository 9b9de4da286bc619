// The platform's public pages: a little help that the pages also work without.
document.addEventListener('DOMContentLoaded', function () {
  // After a refused submission, the list of errors at the top gets the focus, so that screen
  // readers read it first and the keyboard starts there; its links lead to the fields.
  var summary = document.getElementById('error-summary');
  if (summary) {
    summary.focus();
  }
  summary && summary.querySelectorAll('a[href^="#"]').forEach(function (link) {
    link.addEventListener('click', function (event) {
      var field = document.getElementById(link.getAttribute('href').substring(1));
      if (field) {
        event.preventDefault();
        field.focus();
        field.scrollIntoView({block: 'center'});
      }
    });
  });
  // A form is sent once: the first submit disables its button (the server refuses a second one too).
  document.querySelectorAll('form[data-submit-once]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (form.getAttribute('data-submitted') === 'true') {
        event.preventDefault();
        return;
      }
      form.setAttribute('data-submitted', 'true');
      form.querySelectorAll('button[type=submit]').forEach(function (button) {
        button.disabled = true;
        if (button.getAttribute('data-busy-text')) {
          button.textContent = button.getAttribute('data-busy-text');
        }
      });
    });
  });
  // "Seite drucken" buttons, shown only where a script can print.
  document.querySelectorAll('button[data-print]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      window.print();
    });
  });
});
