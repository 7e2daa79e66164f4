"""HTTP plumbing: request and response objects, routing, and the threaded server."""
