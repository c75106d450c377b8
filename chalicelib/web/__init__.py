"""The HTTP edge: decoding requests and shaping responses for Chalice."""
