"""Tribune: the website of a trilingual news agency."""
