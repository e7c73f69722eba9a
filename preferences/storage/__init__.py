"""The preference store's parts, one entity each, on one transaction core (see `core`).

    core.Database        engine, read, write under the user's lock, retry, StoreUnavailable
    history              the one function that writes the history table
    preferences          likes and dislikes: record, get, list, forget, why
    concepts             personal concepts ("study mode")
    devices              smart-home device states
    transfer             export, import, forget a user entirely, stats

`preferences.store.PreferenceStore` is all of them over one database.
"""
