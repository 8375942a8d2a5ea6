"""The desk layer: the use cases the screens and the commands share (no Qt)."""
