"""Face detection (MTCNN) and 5-point similarity alignment."""
