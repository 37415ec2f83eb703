"""Pure functions behind the dashboard: filters, figures, query parameters, exports, highlights."""
