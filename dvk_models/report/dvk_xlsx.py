"""XLSX exports (OCA report_xlsx)."""
