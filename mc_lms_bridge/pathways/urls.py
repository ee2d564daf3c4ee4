"""URLs of the pathways package."""

urlpatterns: list = []
