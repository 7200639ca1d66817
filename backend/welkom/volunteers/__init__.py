"""Volunteer coordination: profiles, vetting, help requests and claims."""
