"""Where things are: the gazetteer of places and facilities, the geocoders that look names
up in it (offline first), geodesic geometry, and the front lines a strike is measured from."""
