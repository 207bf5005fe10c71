/** The detection engine; each detector lives in a sub-package with its config record. */
package io.iotwatch.detect;
