"""Site: every address, the page writers, and the page plans of each section (procedures, documents, news, portal, finder, leaflet)."""
