"""The Qt shell: thin widgets over the plain-Python core."""
