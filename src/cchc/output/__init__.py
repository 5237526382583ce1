"""Output: what is made from a built site or beside it: feeds, the search index, the leaflet PDF, CSP, completeness, link check, publishing."""
