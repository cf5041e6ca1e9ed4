"""Samverka: the shared workspace of inter-municipal networks."""
