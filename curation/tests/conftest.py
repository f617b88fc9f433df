SEED_LIST_SLUG = "soviet-factory-films"
