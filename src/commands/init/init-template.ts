/** The starter registry `sparkport init` writes; a test keeps it lint-clean. */
export const INIT_TEMPLATE = `# yaml-language-server: $schema=./node_modules/sparkport/registry/ports.schema.json
#
# Port registry: which service owns which port, on which machine.
# Register a service here before you start it; \`sparkport lint\` checks this file.

version: 1
project: my-project

# The machines. Services name a node by its key, never by address.
nodes:
  devbox:
    label: Development machine
    address: 127.0.0.1
    os: linux

# Who owns which ports. A port outside its team's ranges is a lint error,
# unless the service declares an exception with its reason.
teams:
  backend:
    name: Backend
    ranges:
      - name: backend
        from: 8000
        to: 8099
  frontend:
    name: Frontend
    ranges:
      - name: frontend
        from: 3000
        to: 3099

# Each environment runs a service on its base port plus an offset.
environments:
  dev:
    offset: 0
  test:
    offset: 1
  staging:
    offset: 10

services:
  - name: api
    label: API
    team: backend
    node: devbox
    port: 8000 # dev; test is 8001, staging 8010
    protocol: http
    access: all-nodes
    status: in-development
    environments:
      dev: {}
      test: {}
      staging: {}
  - name: web
    label: Web
    team: frontend
    node: devbox
    port: 3000
    protocol: http
    access: developers-browser
    status: in-development

# Ports held for later, with no service yet.
reservations: []
`;
