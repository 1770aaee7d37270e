"""The permission matrix (issue 16, point 1): every address and WebSocket action that
changes or reveals something, tried as every role, with the exact outcome DESIGN.md's
"People and what they may do" and the access modules (`community/access.py`,
`rooms/access.py`, `intervisions/access.py`) give."""
