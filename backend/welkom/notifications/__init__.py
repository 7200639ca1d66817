"""Notifications: the in-app inbox and Web Push (VAPID, RFC 8291) without personal data."""
