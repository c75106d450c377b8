"""storekeeper: everything deployed besides app.py."""

__version__ = "0.1.0"
