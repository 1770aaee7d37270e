"""Finding sheets at /pratiques/ (filters, counts, search, sort, pagination)."""


def sheet_listing(request, *, index_page):
    return {}
