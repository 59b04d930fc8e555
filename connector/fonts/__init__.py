"""Fonts: the brand fonts an account uploads, on top of the system's.

``files`` what an uploaded file is (first bytes, unpacked size, names); ``store`` the files in Redis, their
generation and each account's registry, built from them on any machine; ``registry`` an account's uploads layered
over the shared system scan.
"""
