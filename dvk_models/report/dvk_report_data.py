"""Values of the QWeb PDF reports."""
