// The "Print this page" button: shown only when script runs (without it the button could do nothing).
document.querySelectorAll("[data-cchc-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
