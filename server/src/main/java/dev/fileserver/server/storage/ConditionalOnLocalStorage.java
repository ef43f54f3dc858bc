package dev.fileserver.server.storage;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/**
 * Applies what only the local folder backend has (its root, its disk's free space) unless
 * {@code fileserver.storage.type} is {@code s3}; local is the default. A mistyped value still makes
 * the local beans, and the properties' own validation then stops start-up naming the setting.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnExpression("!'${fileserver.storage.type:local}'.trim().equalsIgnoreCase('s3')")
public @interface ConditionalOnLocalStorage {
}
