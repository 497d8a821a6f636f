"""Drawn pictures: voters, their documents, ballots, the TPS and its logistics.

Everything here draws with pygame onto new surfaces from plain data (schema and core records);
nothing here judges anything. Callers cache what they draw: a picture is made once, not per
frame.
"""
