"""The OData v7 engine: one path for every declared resource, with no resource-specific branches.

    target.py, options.py, expression.py, lexer.py   parse the URL into syntax.py's nodes
    catalog.py                                       resources, fields and navigations by name
    permissions.py                                   a caller's Grants as row filters
    compiler.py                                      filters and orderings as SQLite fragments
    reader.py                                        one query per level, expansions batched with IN
    bodies.py                                        write bodies: JSON, form or multipart
    service.py                                       HTTP verbs, writes through the store's hooks
"""
