import { listingRoute, fieldListing } from "@/app/[locale]/_views/listing";

const route = listingRoute(fieldListing, false);

export const dynamicParams = false;
export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.ListingPage;
