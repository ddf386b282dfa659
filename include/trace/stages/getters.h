/* SPDX-License-Identifier: GPL-2.0 */
/*
 * stages/getters.h - reach a record's dynamic fields through __entry.
 *
 * Used where __entry points at a record: TP_fast_assign() (the probe
 * stage) and TP_printk() (the output stage).  For the print format text
 * (the define stage) the same names stay as they are written.
 *
 * No include guard: the define stage redefines the names, and the next
 * event header's stages need them back.
 */

#undef __get_dynamic_array
#define __get_dynamic_array(field)					\
	((void *)__entry + (__entry->__data_loc_##field & 0xffff))
#undef __get_dynamic_array_len
#define __get_dynamic_array_len(field)					\
	((__entry->__data_loc_##field >> 16) & 0xffff)
#undef __get_str
#define __get_str(field)	((char *)__get_dynamic_array(field))
#undef __get_sockaddr
#define __get_sockaddr(field)	((struct sockaddr *)__get_dynamic_array(field))

#undef __get_rel_dynamic_array
#define __get_rel_dynamic_array(field)					\
	((void *)__entry + offsetof(typeof(*__entry), __rel_loc_##field) + \
	 sizeof(u32) + (__entry->__rel_loc_##field & 0xffff))
#undef __get_rel_dynamic_array_len
#define __get_rel_dynamic_array_len(field)				\
	((__entry->__rel_loc_##field >> 16) & 0xffff)
#undef __get_rel_str
#define __get_rel_str(field)	((char *)__get_rel_dynamic_array(field))
#undef __get_rel_sockaddr
#define __get_rel_sockaddr(field)					\
	((struct sockaddr *)__get_rel_dynamic_array(field))

/* Bytes of a bitmask of @nr_bits bits, whole longs as cpumasks are. */
#undef __bitmask_size_in_bytes
#define __bitmask_size_in_bytes(nr_bits)				\
	(BITS_TO_LONGS(nr_bits) * sizeof(unsigned long))
