"""Custom Rasa graph components (Rasa-side adapters; the logic stays small)."""
