// The "Print this page" button: shown only when script runs (without it the button could do nothing).
document.querySelectorAll("[data-cchc-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});

// The leaflet's preview (to-roi/): its A4 sheets zoomed down to the width of the screen (cchc.css applies the
// zoom on screen only, so print and the printed PDF are at full size). Without script it scrolls inside itself.
const SHEET_PX = (297 / 25.4) * 96; // an A4 landscape sheet's width in CSS pixels
document.querySelectorAll(".cchc-leaflet").forEach((leaflet) => {
  const fit = () => {
    const zoom = Math.min(1, Math.floor((leaflet.clientWidth / SHEET_PX) * 1000) / 1000);
    leaflet.style.setProperty("--cchc-sheet-zoom", String(zoom));
  };
  new ResizeObserver(fit).observe(leaflet);
  fit();
});
