"""Every v7 resource, declared once as data (see declare.py for the vocabulary)."""
