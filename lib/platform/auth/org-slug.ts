/** What an org slug may look like in a URL; anything else is answered as not found before any lookup. */
export const ORG_SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;
