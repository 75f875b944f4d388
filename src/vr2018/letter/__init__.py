"""Engines for the letter itself: paragraphs, sentences, the outline, citations, Kamerstuk notation."""
