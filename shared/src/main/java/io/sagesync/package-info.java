/** sagesync: Magento 2 to Sage Business Cloud Accounting sync. */
package io.sagesync;
