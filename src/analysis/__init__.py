"""Turn Norwegian consultation minutes into tidy, quotable evidence.

The package is a chain of small stages (ingest → clean → parse → segment →
attribute); each is a plain function from data to data, and `analysis.pipeline.build`
strings them together into the tables of the data contract. Importing the
package prints nothing, so notebooks validated by nbval stay quiet.
"""

__version__ = "0.1.0"
