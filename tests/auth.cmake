# auth: credentials (issue 7). Auth files and their search order, credential helpers (docker-credential-pass and
# scripted helpers), login/logout/auth against a real docker-registry, Kubernetes pull secrets.
