try: pass
finally: pass
