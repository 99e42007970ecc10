// Progressive enhancement only: every control also works as a plain form/link.
'use strict';
document.addEventListener('DOMContentLoaded', () => {
  const form = document.querySelector('form.filters');
  if (form) {
    for (const select of form.querySelectorAll('select')) {
      select.addEventListener('change', () => form.requestSubmit());
    }
    const button = form.querySelector('button[type=submit]');
    if (button) button.classList.add('js-hidden');
  }
  // Keyboard: left/right arrows move between period tabs.
  const tabs = Array.from(document.querySelectorAll('.tabs a'));
  tabs.forEach((tab, i) => {
    tab.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowRight' && tabs[i + 1]) tabs[i + 1].focus();
      if (event.key === 'ArrowLeft' && tabs[i - 1]) tabs[i - 1].focus();
    });
  });
});
