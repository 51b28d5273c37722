print("flightdeck")
