/** The one Jackson mapper of the service, with limits on what a hostile body may make it do. */
package dev.maas.tokenservice.json;
