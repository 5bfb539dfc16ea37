/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.workspace.config.PiiMatcherConfig;
import dev.switchboard.workspace.config.PrivacyRuleConfig;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every matcher's true and false positives, by value and by key name, as tables. */
class PiiCatalogTest {

    private static final PiiCatalog CATALOG = PiiCatalog.of(
            List.of(new PiiMatcherConfig("employee-id", "red", List.of("staffNumber"), List.of("EMP-[0-9]{6}"))));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "none",
            textBlock =
                    """
            jane@example.com                       | email
            ' Jane.Doe+tag@Mail.Example.CO.uk '    | email
            a_b@sub-domain.io                      | email
            jane@                                  | none
            @example.com                           | none
            jane example.com                       | none
            jane@example                           | none
            jane..doe@example.com                  | none
            jane@-example.com                      | none
            not an email@example.com               | none
            +1 650-253-0000                        | phone
            +1 (650) 253-0000                      | phone
            +33 1 42 68 53 00                      | phone
            +49 30 901820                          | phone
            6502530000                             | none
            +1 555                                 | none
            +999 1234567                           | none
            +1 650 253 0000 ext                    | none
            +1 650 253 00001234                    | none
            4111 1111 1111 1111                    | card
            5500-0000-0000-0004                    | card
            378282246310005                        | card
            6011111111111117                       | card
            4111 1111 1111 1112                    | none
            1234567812345670                       | none
            4111-1111 1111-1111                    | none
            4111111111                             | none
            79927398713                            | none
            123-45-6789                            | ssn
            078 05 1120                            | ssn
            000-12-3456                            | none
            666-12-3456                            | none
            900-12-3456                            | none
            123-00-4567                            | none
            123-45-0000                            | none
            123-45 6789                            | none
            123456789                              | none
            12-345-6789                            | none
            GB82 WEST 1234 5698 7654 32            | iban
            DE89370400440532013000                 | iban
            FR1420041010050500013M02606            | iban
            GB82 WEST 1234 5698 7654 33            | none
            DE89370400440532013001                 | none
            1234WEST12345698765432                 | none
            192.168.0.1                            | ip
            8.8.8.8                                | ip
            2001:db8::1                            | ip
            ::1                                    | ip
            fe80::1%eth0                           | ip
            ::ffff:192.0.2.128                     | ip
            2001:0db8:85a3:0000:0000:8a2e:0370:7334 | ip
            256.1.1.1                              | none
            192.168.01.1                           | none
            1.2.3                                  | none
            2001:db8::1::2                         | none
            12345::                                | none
            1:2:3:4:5:6:7:8:9                      | none
            version 1.2.3.4                        | none
            EMP-123456                             | employee-id
            EMP-12345                              | none
            Order Completed                        | none
            """)
    void shouldFindKindWhenValueIsOfIt(String value, String kind) {
        PiiKind found = CATALOG.ofValue(value);

        assertThat(found == null ? null : found.name()).isEqualTo(kind);
    }

    @Test
    void shouldNameBuiltInKindsAsTheChecksKnowThem() {
        assertThat(PiiCatalog.BUILT_IN).extracting(PiiKind::name).isEqualTo(PrivacyRuleConfig.BUILT_IN_KINDS);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "none",
            textBlock =
                    """
            email          | email    | YELLOW
            Email_Address  | email    | YELLOW
            firstName      | name     | YELLOW
            last_name      | name     | YELLOW
            phone-number   | phone    | YELLOW
            ip             | ip       | YELLOW
            address        | address  | YELLOW
            password       | password | RED
            creditCard     | card     | RED
            SSN            | ssn      | RED
            passport       | passport | RED
            access_token   | token    | RED
            iban           | iban     | RED
            staff_number   | employee-id | RED
            emailed        | none     | none
            ipsum          | none     | none
            username       | none     | none
            zipper         | none     | none
            name           | none     | none
            """)
    void shouldFindKindWhenKeyNamesIt(String key, String kind, PiiClass classification) {
        PiiKind found = CATALOG.ofKey(key);

        assertThat(found == null ? null : found.name()).isEqualTo(kind);
        assertThat(found == null ? null : found.classification()).isEqualTo(classification);
    }
}
